def migrate(cr, version):
    """Until this version a sub-category copied its parent's discipline into its
    own field and kept it when the parent's changed. A sub-category holding the
    same discipline as its parent now follows the parent instead (the routing
    of its products is unchanged today). The statement reads the values as they
    were before it, so a whole chain of copies is cleared at once."""
    cr.execute(
        """
        UPDATE product_category child
           SET alltricks_discipline_id = NULL
          FROM product_category parent
         WHERE child.parent_id = parent.id
           AND child.alltricks_discipline_id = parent.alltricks_discipline_id
        """
    )
