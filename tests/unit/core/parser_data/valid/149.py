assert x, "msg"
