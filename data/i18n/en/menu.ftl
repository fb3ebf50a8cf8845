# The main menu grouped by task (crates/server/src/web/page.rs): the button that unfolds it on a
# phone, the groups' headings, and the links it adds.
menu-toggle = Menu
menu-group-casework = Casework
menu-group-register = Register and border
menu-group-kandas-abroad = Kandas and citizens abroad
menu-group-labour = Labour market
menu-group-apply = Check and apply
menu-group-public = Public information
menu-group-admin = Administration
menu-group-account = Account
nav-simulate = Reform simulation
nav-kandas-report = Resettlement by region
