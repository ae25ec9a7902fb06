"""`QAbstractTableModel` adapters over service results, one per grid."""
