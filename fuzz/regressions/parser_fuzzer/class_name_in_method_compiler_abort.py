# input() inside methods and constructors (frames of their own, as in CPython),
# the typical shape of a course's text game.
class Player:
    def __init__(self):
        self.name = input("Your name: ").strip() or "Player"
        self.score = 0

    def ask(self, question, answer):
        reply = input(f"{question} ").strip().lower()
        if reply == answer:
            self.score += 1
            print("Correct!")
        else:
            print(f"No, it was {answer!r}.")


class Quiz:
    QUESTIONS = [("Capital of France?", "paris"), ("2 + 2?", "4"), ("Largest planet?", "jupiter")]

    def __init__(self, player):
        self.player = player

    def run(self):
        for q, a in self.QUESTIONS:
            self.player.ask(q, a)
        print(f"{self.player.name} scored {self.player.score}/{len(self*QUESTIONS)}")


Quiz(Player()).run()
