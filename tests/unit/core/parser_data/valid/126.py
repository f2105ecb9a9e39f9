f"{x,y}"
