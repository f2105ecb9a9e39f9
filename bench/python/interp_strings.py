# Strings: building with + and join, splitting, %-formatting and
# str.format, upper/replace/find.
import time

start = time.perf_counter()
total = 0
for round_ in range(600):
    parts = []
    for i in range(800):
        parts.append("item%d:%s" % (i, "x" * (i % 7)))
    line = ",".join(parts)
    fields = line.split(",")
    total += len(fields)
    for field in fields:
        name, value = field.split(":")
        total += len(value)
    text = ""
    for i in range(200):
        text += "{}-{:>4}|".format(i, round_)
    total += len(text.upper().replace("-", "+"))
    total += text.find("199")
    words = ("%s %s" % ("alpha", "beta")).split()
    total += len(" ".join(words * 50))
elapsed = time.perf_counter() - start
print("checksum", total)
print("seconds", elapsed)
