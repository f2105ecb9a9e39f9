x = """abc
"""