try:
    x
except E as e:
    y
finally:
    z
