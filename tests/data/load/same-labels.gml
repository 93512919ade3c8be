graph [
  node [ id 10 label "same" ]
  node [ id 20 label "same" ]
  edge [ source 10 target 20 weight 2 ]
]
