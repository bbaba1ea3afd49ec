"""Demands: what a campaign asks for, of whom, backed by whom, and their status history.

models      Demand, DemandStatusChange
views       the demands list and demand pages, share cards
filters     the demands list's filters (also used by the API and exports)
columns     the demands export's columns and their headings in each language
"""
