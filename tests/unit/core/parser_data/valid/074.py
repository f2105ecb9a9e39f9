x = 0x1F + 0o17 + 0b1010 + 1_000_000 + 0xdead_beef
