def migrate(cr, version):
    """Steps of work orders created before this version were copied from the
    checklist of their bike type (the form adds none): mark them so."""
    cr.execute("UPDATE alltricks_bike_prep_step SET from_checklist = TRUE")
