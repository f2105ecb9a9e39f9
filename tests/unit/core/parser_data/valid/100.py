naïve = café = 1
