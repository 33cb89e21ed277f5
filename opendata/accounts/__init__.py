"""Local accounts: registration, sign-in, passwords, e-mail links, throttling, mail.

Plain functions over the models; the ``account`` blueprint and the
``flask opendata user`` commands call them. Nothing here reads the request:
callers pass the client address and a function turning a token into a link.
"""
