from .... import e
