"""The organization edition: one organization's help desk, portal and sign-in details."""
