# int + str has no meaning.
count = 3
label = ' items'
text = count + label
