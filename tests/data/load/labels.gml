graph [
  node [ id 10 label "a" ]
  node [ id 20 label "b" ]
  edge [ source 10 target 20 ]
]
