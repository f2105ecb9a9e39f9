# f-strings as 3.12 parses them (PEP 701): the same quotes inside, nested
# f-strings, expressions over several lines, backslashes and comments.
songs = ["Take me back", "Beautiful world"]
print(f"Songs: {", ".join(songs)}")
print(f"{f"{f"{1 + 1}"}"}", f"{'\n'.join(['a', 'b'])!r}")
total = f"{
    sum(
        [1, 2, 3]  # the numbers
    )
}"
print(total)
d = {"key": "value"}
print(f"{d["key"]} {d['key']!r:>9}")
x = 5
print(f"{x:{"^"}{x * 2}}|", f"{x!r:{'>'}4}", f"{'{'}{x}{'}'}")
print(f"""{
x
}""", rf"\d{x}\n", f"{x}" "\t|" f"{'tab'}")
print(f"{x = !s:>4}", f"{(lambda: 'lam')()}", f"{[y for y in range(3)]}", f"{x if x else 0:03}")
print(f"{3.14159:.{x - 2}f}", f"{1e6:,.0f}", f"{-0.0:z.1f}", f"{12:#010b}")
