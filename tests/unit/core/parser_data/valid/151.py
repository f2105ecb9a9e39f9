try:
    pass
except E:
    pass
except (A, B) as e:
    pass
else:
    pass
finally:
    pass
