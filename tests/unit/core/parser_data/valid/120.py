f"\n{x}\t"
