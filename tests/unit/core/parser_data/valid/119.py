rf"\d{x}"
