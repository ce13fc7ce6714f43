import sys


def evaluate(expression: str) -> int:
    """Evaluates sums of integers such as "1 + 2 + 3"."""
    return sum(int(term) for term in expression.split("+"))


if __name__ == "__main__":
    print(evaluate(" ".join(sys.argv[1:])))
