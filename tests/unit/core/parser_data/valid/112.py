f"{'nested'}"
