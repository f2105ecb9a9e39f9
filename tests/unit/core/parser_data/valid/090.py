s = 'line\
continued'
