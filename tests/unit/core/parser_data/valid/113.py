f"{"same quotes"}"
