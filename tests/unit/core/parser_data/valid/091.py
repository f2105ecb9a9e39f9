s = """multi
line
string"""
