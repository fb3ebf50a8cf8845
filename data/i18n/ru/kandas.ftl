# Kandas resettlement: applications, regional quotas, assignments and subsidies.
