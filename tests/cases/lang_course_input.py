# A course-style interactive program: input() loops with validation, prompts
# built with f-strings, a word count from one typed line.
import sys

def read_numbers():
    numbers = []
    while True:
        raw = input("Enter a number (blank to stop): ")
        if not raw.strip():
            break
        try:
            numbers.append(float(raw))
        except ValueError:
            print(f"  {raw!r} is not a number")
    return numbers

nums = read_numbers()
if nums:
    print(f"count={len(nums)} min={min(nums):g} max={max(nums):g} mean={sum(nums)/len(nums):.3f}")
name = input("Your name? ").strip().title() or "Anonymous"
age = int(input(f"Hello {name}, your age? "))
print(f"In ten years {name} will be {age + 10}.")
choice = input("Continue [y/n]? ").lower()
while choice not in ("y", "n"):
    choice = input("Please answer y or n: ").lower()
print("bye" if choice == "n" else "continuing")
words = input("Words: ").split()
freq = {}
for w in words:
    freq[w] = freq.get(w, 0) + 1
for w, c in sorted(freq.items(), key=lambda kv: (-kv[1], kv[0])):
    print(f"{w:<8}{c:>3} {'#' * c}")
print(sys.getrefcount(name) > 1)
