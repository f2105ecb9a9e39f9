f"{yield_}"
