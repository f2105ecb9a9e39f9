f"{{literal}} {x}"
