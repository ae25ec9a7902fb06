"""The Frånvaro och omtanke page, its tabs, models, dialogs and the absence import flow."""
