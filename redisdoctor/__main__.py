"""`python -m redisdoctor`."""

from redisdoctor.cli import main

if __name__ == "__main__":
    main()
