s = 'say "hi"'
