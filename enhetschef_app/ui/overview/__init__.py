"""The pages that compose the others: Översikt, with a panel from each area, and Kom igång, which
runs each area's import. Not in the areas' independence contract for that reason."""
