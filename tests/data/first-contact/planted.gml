graph [
  directed 0
  node [ id 0 label "a" type "cite" region "Bretagne" ]
  node [ id 1 label "b" type "Cités" region "Bretange" ]
  node [ id 2 label "c" type "cite" region "Normandie" ]
  node [ id 3 label "d" type "cite" region "Normandie" ]
  edge [ source 0 target 1 weight 2 year 2020 ]
  edge [ source 1 target 0 weight 1 year 2021 ]
  edge [ source 1 target 1 weight 1 year 2021 ]
  edge [ source 0 target 2 weight 0 year 2021 ]
  edge [ source 2 target 1 weight 1 ]
]
