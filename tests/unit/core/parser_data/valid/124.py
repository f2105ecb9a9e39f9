f"{a + b * c}"
