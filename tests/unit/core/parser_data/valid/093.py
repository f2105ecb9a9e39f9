s = "it's"
