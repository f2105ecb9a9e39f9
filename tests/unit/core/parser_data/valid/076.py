x = 1j + 1.5j + 1e3J + 0j
