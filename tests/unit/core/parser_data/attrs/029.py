x = """multi
line"""
