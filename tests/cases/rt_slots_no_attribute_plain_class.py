class Account:
    def __init__(self):
        self.balance = 0


a = Account()
try:
    a.owner
except AttributeError as e:
    print("AttributeError:", e)
print(a.balance)
print(a.owner)
