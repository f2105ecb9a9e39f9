# Division, comparison and mixing of big and small integers.
n = 2 ** 100
print(n // 3, n % 7)
print(n // -3, -n % 7)
print(n // (2 ** 99), n - n, n - (n - 5))
print(n > 2 ** 99, n == 2 ** 100, n != n + 1)
print(-n < 0 < n)
print(n ** 2 // n == n)
