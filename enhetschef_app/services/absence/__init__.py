"""Frånvaro and omtanke: absences and their import, sick occasions, the omtankessamtal scan and
talks, rehab and the month's absence figures."""
