# Citizens working abroad: the registry, interstate agreements and rights-protection cases.
