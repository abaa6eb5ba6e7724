"""The firewall allow-list: its data file, its tables, and the files a network team downloads."""
