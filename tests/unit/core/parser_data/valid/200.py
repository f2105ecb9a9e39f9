x = "a" "b" "c"
