f"""triple {x}
more {y}"""
