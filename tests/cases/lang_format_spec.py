# format(value, spec) over the whole format-spec mini-language for int,
# bool, float and str, including the errors CPython reports.
values = [0, 7, -7, 255, 1234567, -1234567, 10**20, True, False, 0.0, -0.0, 1.5, -2.25, 3.14159265, 1234567.891,
          1e-7, 1e16, 2.5, 0.125, 1e300, float("inf"), float("-inf"), float("nan"), "abc", "", "héllo"]
specs = ["", "d", "5", "<5", ">5", "^5", "=8", "*^9", "08", "+", "-", " ", "+08", "#x", "#X", "#o", "#b", "x", "X",
         "o", "b", "c", ",", "_", ",d", "_x", "_b", "010,", "e", "E", ".2e", "f", "F", ".0f", ".2f", ".3f", "#.0f",
         "g", "G", ".3g", "#g", ".10g", "n", "%", ".1%", "s", ".2", ">10.3", "z.1f", "z", "z.2f", "^+10.2f", "0=10",
         "=", ".0", ".0e", ",.2f", "_.3f", "#", "#.3", ".3s", ">{", "€^7", "10.4", "-^#10x", "+.3%", "08.3e",
         ",.0f", "0<10", "a", "010.3g", " 12", "=+12,.2f", ".2g", "#.3g", ".1", "010s"]
for v in values:
    out = []
    for s in specs:
        try:
            out.append(repr(format(v, s)))
        except Exception as e:
            out.append(type(e).__name__ + ":" + str(e))
    print(repr(v), " | ".join(out))
