import os.path as p, sys as s
