"""An organization's edition: only the kinds of users the organization has.

A reader at a company whose staff all sign in through its access portal has no use for the
IAM user or Builder ID pages, and each one is a wrong turn. Given the organization's user
types, these pure functions leave out the topics none of them reads, the troubleshooter
answers that led there, and the links to them; without a profile nothing changes.
"""
