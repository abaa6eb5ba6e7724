"""The guided troubleshooter: its decision tree, the checks that keep it sound, and its pages."""
