# input(): prompts, lines read from X.in, int(input()), EOFError at the end.
name = input("Name: ")
print("Hello,", name)
n = int(input())
print(n * 2)
def ask(q):
    return input(q + "? ")
answers = [ask("colour"), ask("food")]
print(answers)
try:
    while True:
        line = input("> ")
        print("got", repr(line))
except EOFError as e:
    print("EOF:", e)
print(input("again: ") if False else "done")
