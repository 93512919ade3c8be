graph [
  directed 0
  node [ id 0 label "Cité éducative" type "cite" ]
  node [ id 1 label "CRPV &quot;Ouest&quot;" ]
  edge [ source 0 target 1 weight 2.5 year 2021 ]
]
