"""Scenario configuration for batch 0, the template every new batch is copied from.

The calculation engines import this module from Batch(n)/ConfigurationPlotSpec(n)/U_configurations(n).py.
"""

SCENARIO_NAME = "Reference case"
BASE_YEAR = 2025
PROJECT_LIFETIME_YEARS = 25
DISCOUNT_RATE = 0.07
CURRENCY = "EUR"

PLANT = {
    "capacity_mw": 100.0,
    "capex_eur_per_kw": 1150.0,
    "fixed_opex_eur_per_kw_year": 18.5,
    "variable_opex_eur_per_mwh": 2.1,
    "availability": 0.96,
}

INPUT_FILES = {
    "electricity_prices": "Inputs(0)/market/electricity_prices(0).csv",
    "fuel_prices": "Inputs(0)/market/fuel_prices(0).csv",
}

SENSITIVITIES = {
    "discount_rate": [0.05, 0.07, 0.09],
    "capex_eur_per_kw": [950.0, 1150.0, 1350.0],
}
